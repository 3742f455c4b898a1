#!/usr/bin/env bash
# Debian's Django for Python 3, for FormatsIT, which loads the `django` format with Django's own
# deserializer.
exec "$(dirname "$0")/debian-packages.sh" django \
     "python3 -c 'import django' || /usr/bin/python3 -c 'import django'" python3-django
