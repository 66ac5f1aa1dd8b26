"""Pages as HTML: the views that turn the model into ready values, and the Jinja templates that draw them."""
