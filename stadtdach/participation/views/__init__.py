"""Views of the participation core: public.py (overview, process, contribution, comments,
reports, images), mine.py (own contributions and subscriptions), staff.py (processes,
target groups, answers, moderation). The formats have their own views (ideas/views.py)."""
