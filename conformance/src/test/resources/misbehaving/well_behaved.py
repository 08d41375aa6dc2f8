"""Answers every request with a well-formed reply: the control for the fault tests."""
import fakepeer

for _, request in fakepeer.requests():
    fakepeer.send(fakepeer.well_formed(request))
