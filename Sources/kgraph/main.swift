import KGraphCLI

KGraph.main()
