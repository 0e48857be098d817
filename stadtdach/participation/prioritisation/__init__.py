"""Prioritisation (dot voting): every participant spreads N points over the options
(action fields, measures, ideas or free options), once; the result ranks the options."""
