"""factcheck: check news articles about one story against each other."""
from factcheck.check import check_story, check_paths

__version__ = "0.1.0"
__all__ = ["check_story", "check_paths", "__version__"]
