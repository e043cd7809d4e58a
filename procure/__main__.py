from procure.cli import main

raise SystemExit(main())
