"""Answers request 0 properly, then prints a line that is not JSON."""
import fakepeer

for index, request in fakepeer.requests():
    fakepeer.send(fakepeer.well_formed(request) if index == 0 else "this is not json {")
