"""The idea collection: citizens propose ideas (title, text, action field and themes, an
optional place, images), comment on them and support them once per person."""
