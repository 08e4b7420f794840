"""Renderers: each turns a result value into text or rich renderables, and never scores."""
