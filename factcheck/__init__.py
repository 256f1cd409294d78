"""factcheck: check news articles about one story against each other."""

__version__ = "0.1.0"
__all__ = ["check_story", "check_paths", "__version__"]


def __getattr__(name: str):
    """The pipeline is imported on first use, so that `factcheck --help` starts at once."""
    if name in ("check_story", "check_paths"):
        from factcheck import check

        return getattr(check, name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
