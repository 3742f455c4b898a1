"""Loads Piston EE's `django` format with Django's own deserializer, for FormatsIT.

Reads a body from stdin, deserializes it with django.core.serializers (format "json", or the one
named by the first argument: "xml") into a model
equivalent to the example's BlogPost (app "blog", in-memory SQLite), saves every object and prints
what the database then holds, as JSON. Django refuses fields the model lacks, values its fields
cannot take and models it does not know, so a body this loads is one Django accepts.
"""
import json
import os
import sys
import tempfile

app = tempfile.mkdtemp()
os.makedirs(os.path.join(app, "blog"))
open(os.path.join(app, "blog", "__init__.py"), "w").close()
with open(os.path.join(app, "blog", "models.py"), "w") as models:
    models.write(
        """
from django.db import models


class Author(models.Model):
    username = models.CharField(max_length=150, unique=True)


class BlogPost(models.Model):
    title = models.CharField(max_length=200)
    content = models.TextField(max_length=100000)
    author = models.ForeignKey(Author, null=True, on_delete=models.CASCADE)
    created_on = models.DateTimeField()
"""
    )
sys.path.insert(0, app)

import django  # noqa: E402
from django.conf import settings  # noqa: E402

settings.configure(
    INSTALLED_APPS=["blog"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
    USE_TZ=True,
    TIME_ZONE="UTC",
)
django.setup()

from django.core import serializers  # noqa: E402
from django.db import connection  # noqa: E402
from blog.models import Author, BlogPost  # noqa: E402

with connection.schema_editor() as editor:
    editor.create_model(Author)
    editor.create_model(BlogPost)

loaded = list(serializers.deserialize(sys.argv[1] if len(sys.argv) > 1 else "json", sys.stdin.read()))
for key in sorted({item.object.author_id for item in loaded if item.object.author_id is not None}):
    Author.objects.create(pk=key, username="author %s" % key)
for item in loaded:
    item.save()

print(
    json.dumps(
        [
            {
                "model": post._meta.label_lower,
                "pk": post.pk,
                "fields": {
                    "title": post.title,
                    "content": post.content,
                    "author": post.author_id,
                    "created_on": post.created_on.isoformat(),
                },
            }
            for post in BlogPost.objects.order_by("pk")
        ]
    )
)
