"""``python -m liwindex``."""

from liwindex.cli import main

if __name__ == "__main__":
    main()
