"""Once per person, also under concurrency: the database's unique constraint decides,
inside a savepoint, so that a second request at the same moment is refused cleanly and
its transaction stays usable."""

from django.db import IntegrityError, transaction


class AlreadyDone(Exception):
    """The person has already answered, voted or rated this."""


def create_once(model, **fields):
    """Create the row that may exist once per person, or raise AlreadyDone."""
    try:
        with transaction.atomic():
            return model.objects.create(**fields)
    except IntegrityError as error:
        raise AlreadyDone from error
