import sys

from rasad_desktop.cli import main

sys.exit(main())
