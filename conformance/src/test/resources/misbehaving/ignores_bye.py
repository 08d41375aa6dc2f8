"""Answers properly but ignores bye and end of input, so it must be killed on close."""
import time
import fakepeer

for _, request in fakepeer.requests():
    fakepeer.send(fakepeer.well_formed(request))
while True:
    time.sleep(1)
