"""Progress lines for long backups and restores: one line per step with the time taken,
readable on a terminal and in the journal of a systemd timer alike."""

import time


class Progress:
    INTERVAL = 5.0  # seconds between count lines of one step

    def __init__(self, stream=None):
        self.stream = stream
        self._started = time.monotonic()
        self._step_started = self._started
        self._shown = 0.0

    def step(self, text: str) -> None:
        """Announce a step; the total time since the start leads the line."""
        self._step_started = time.monotonic()
        self._write(f"[{self._step_started - self._started:7.1f} s] {text}")

    def count(self, done: int, total: int | None, unit: str) -> None:
        """A count within a step, at most every INTERVAL seconds (and at the end when the
        total is known)."""
        now = time.monotonic()
        if (total is None or done < total) and now - self._shown < self.INTERVAL:
            return
        self._shown = now
        of = f"/{total:,}" if total is not None else ""
        self._write(f"            {done:,}{of} {unit}")

    def elapsed(self) -> float:
        return time.monotonic() - self._started

    def _write(self, line: str) -> None:
        if self.stream is not None:
            self.stream.write(f"{line}\n")
            self.stream.flush()
