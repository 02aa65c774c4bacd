"""The two kinds of failure the CLI maps to exit codes (2 configuration, 1 runtime).

Messages are written where the error is raised and say what, where and what to do."""


class NewsmonError(Exception):
    """A runtime failure: exit status 1."""


class ConfigError(NewsmonError):
    """Invalid configuration or usage: exit status 2. One problem per line of `lines`."""

    def __init__(self, lines: list[str] | str):
        self.lines = [lines] if isinstance(lines, str) else list(lines)
        super().__init__("\n".join(self.lines))
