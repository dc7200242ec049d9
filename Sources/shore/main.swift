import ShoreCLI

Shore.main()
