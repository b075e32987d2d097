"""Request-equivalence oracle: runs a fixture with recording stubs of urllib, urllib2 and requests
in place of the network, and prints every request it made as JSON. Nothing leaves the machine.

Usage: python record.py <fixture.py>
"""
import json
import runpy
import sys
import types

# The real module stays referenced here: Python 2 clears the globals of a module dropped from
# sys.modules, and its urlencode needs them.
try:
    import urllib.parse as _real_urllib
except ImportError:  # Python 2
    import urllib as _real_urllib
_urlencode, _quote = _real_urllib.urlencode, _real_urllib.quote

REQUESTS = []


def _encoded(data):
    if data is None:
        return None
    if isinstance(data, dict):
        return _urlencode(data)
    if isinstance(data, bytes):
        return data.decode('utf-8')
    return str(data)


def _record(method, url, body):
    REQUESTS.append({'method': method, 'url': url, 'body': _encoded(body)})


class _Response(object):
    status_code = 200
    text = 'RESULT=TRUE\n'
    content = b'RESULT=TRUE\n'

    def read(self):
        return b'RESULT=TRUE\n'

    def json(self):
        return {}

    def close(self):
        pass


class Request(object):
    def __init__(self, url, data=None, headers=None, **kwargs):
        self.url = url
        self.data = data
        self.headers = headers or {}

    def get_full_url(self):
        return self.url


def urlopen(url, data=None, *args, **kwargs):
    if isinstance(url, Request):
        data = url.data if data is None else data
        url = url.url
    _record('POST' if data is not None else 'GET', url, data)
    return _Response()


class URLError(Exception):
    pass


def _install():
    urllib2 = types.ModuleType('urllib2')
    urllib2.urlopen, urllib2.Request, urllib2.URLError, urllib2.HTTPError = urlopen, Request, URLError, URLError
    sys.modules['urllib2'] = urllib2

    # `import urllib` then urllib.urlencode (Python 2 style) or urllib.request/urllib.parse (Python 3).
    urllib = types.ModuleType('urllib')
    urllib.urlencode, urllib.quote, urllib.urlopen = _urlencode, _quote, urlopen
    request = types.ModuleType('urllib.request')
    request.urlopen, request.Request = urlopen, Request
    parse = types.ModuleType('urllib.parse')
    parse.urlencode, parse.quote = _urlencode, _quote
    error = types.ModuleType('urllib.error')
    error.URLError = error.HTTPError = URLError
    urllib.request, urllib.parse, urllib.error = request, parse, error
    sys.modules.update({'urllib': urllib, 'urllib.request': request, 'urllib.parse': parse, 'urllib.error': error})

    requests = types.ModuleType('requests')

    def send(method, url, params=None, data=None, **kwargs):
        if params:
            url = url + ('&' if '?' in url else '?') + (params if isinstance(params, str) else _urlencode(params))
        _record(method.upper(), url, data)
        return _Response()

    requests.request = send
    for name in ('get', 'post', 'put', 'delete'):
        setattr(requests, name, (lambda verb: lambda url, **kwargs: send(verb, url, **kwargs))(name))
    sys.modules['requests'] = requests


if __name__ == '__main__':
    _install()
    runpy.run_path(sys.argv[1], run_name='__main__')
    sys.stdout.write(json.dumps(REQUESTS))
