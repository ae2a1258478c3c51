"""Entry script of the frozen program (build.spec): the same ``annotator.cli:main`` as the
``annotator`` console script of a pip install."""

import sys

from annotator.cli import main

if __name__ == "__main__":
    sys.exit(main())
