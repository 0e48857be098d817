"""A textual progress bar per table ("comments  340,000/500,000"), on a terminal updated
in place, elsewhere (logs, CI) one line per table when it is done."""

import time


class Progress:
    INTERVAL = 0.25  # seconds between updates on a terminal

    def __init__(self, stream=None):
        self.stream = stream
        self.tty = bool(stream is not None and getattr(stream, "isatty", lambda: False)())
        self._label = ""
        self._total = 0
        self._done = 0
        self._started = 0.0
        self._shown = 0.0

    def start(self, label: str, total: int) -> None:
        self._label, self._total, self._done = label, total, 0
        self._started = self._shown = time.monotonic()
        self._show()

    def advance(self, rows: int) -> None:
        self._done += rows
        if self.tty and time.monotonic() - self._shown >= self.INTERVAL:
            self._show()

    def finish(self) -> None:
        self._total = max(self._total, self._done)
        self._show(final=True)

    def note(self, text: str) -> None:
        if self.stream is not None:
            self.stream.write(f"{text}\n")
            self.stream.flush()

    def _line(self, *, final: bool = False) -> str:
        line = f"  {self._label:<40} {self._done:>9,}/{self._total:,}"
        if final:
            line += f"  {time.monotonic() - self._started:5.1f} s"
        return line

    def _show(self, *, final: bool = False) -> None:
        if self.stream is None:
            return
        self._shown = time.monotonic()
        if self.tty:
            self.stream.write("\r" + self._line(final=final) + ("\n" if final else ""))
            self.stream.flush()
        elif final:
            self.stream.write(self._line(final=True) + "\n")
            self.stream.flush()
