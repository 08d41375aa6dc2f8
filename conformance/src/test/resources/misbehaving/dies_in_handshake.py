"""Reads the hello, complains on stderr and exits with status 2 without answering."""
import sys

sys.stdin.readline()
sys.stderr.write("fake: cannot initialise the device\n")
sys.exit(2)
