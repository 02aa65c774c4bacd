from newsmon.cli import main

main(prog_name="newsmon")
