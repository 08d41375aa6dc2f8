"""Says hello, reads every request and never answers."""
import fakepeer

for _ in fakepeer.requests():
    pass
