"""``python -m beanlab`` runs the same command line as ``beanlab``."""
import sys

from beanlab.cli import main

sys.exit(main())
