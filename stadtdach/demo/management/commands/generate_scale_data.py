"""manage.py generate_scale_data --scale {demo,aplus,berlin} [--seed N] [--force]

Adds generated data on top of the Boizenburg demo (loading the demo first if needed) for
the benchmark; see stadtdach/demo/scale/ and docs/performance.md ("Scale data")."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from stadtdach.demo import scale as scale_data


class Command(BaseCommand):
    help = (
        "Add generated data on top of the Boizenburg demo: demo (nothing beyond the demo), "
        "aplus (2,000 ideas, 20,000 comments and supports) or berlin (every capability at "
        "the size of a city). A second run replaces the data of the first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", required=True, choices=list(scale_data.SCALES))
        parser.add_argument(
            "--seed",
            type=int,
            default=scale_data.DEFAULT_SEED,
            help="Random seed; the same seed gives the same data "
            f"(default {scale_data.DEFAULT_SEED}).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Generate even with the production settings or with data in the database "
            "that neither the demo nor this command made.",
        )

    def handle(self, *args, **options):
        # The progress bar rewrites its line in place: it needs the raw stream, since
        # Django's wrapper ends every write with a newline.
        stream = getattr(self.stderr, "_out", self.stderr) if options["verbosity"] else None
        try:
            result = scale_data.run(
                options["scale"],
                seed=options["seed"],
                force=options["force"],
                progress=scale_data.Progress(stream),
            )
        except scale_data.Refusal as error:
            raise CommandError(str(error)) from error
        except DatabaseError as error:
            raise CommandError(f"The generation failed, nothing was written: {error}") from error
        rows = sum(result.rows.values())
        summary = f"Scale {result.scale} (seed {result.seed}): {rows:,} rows generated"
        if result.removed:
            summary += f", {result.removed:,} rows of the previous run removed"
        if result.demo_loaded:
            summary += ", the demo loaded first"
        self.stdout.write(self.style.SUCCESS(f"{summary}, {result.seconds:.1f} s."))
