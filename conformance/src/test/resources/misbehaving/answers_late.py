"""Answers request 0 at once and every later request after the delay (seconds) given as argument."""
import sys
import time
import fakepeer

delay = float(sys.argv[1])
for index, request in fakepeer.requests():
    if index > 0:
        time.sleep(delay)
    fakepeer.send(fakepeer.well_formed(request))
