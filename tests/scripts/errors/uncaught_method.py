# Uncaught KeyError from a method called through a function; output printed before the error stays.

class Config:
    def __init__(self):
        self.values = {"host": "localhost"}

    def get(self, key):
        return self.values[key]


def connect(cfg):
    host = cfg.get("host")
    print("host", host)
    port = cfg.get("port")
    return host, port


connect(Config())
