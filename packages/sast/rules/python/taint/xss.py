import html
from django.http import HttpResponse, JsonResponse
from django.utils.safestring import mark_safe


def greet(request):
    name = request.GET.get("name", "")
    # ruleid: py.taint.xss
    return HttpResponse("<p>Hello " + name + "</p>")


def greet_safe(request):
    name = request.GET.get("name", "")
    # ok: py.taint.xss
    return HttpResponse("<p>Hello " + html.escape(name) + "</p>")


def banner(request):
    # ruleid: py.taint.xss
    msg = mark_safe("<b>%s</b>" % request.GET["msg"])
    # ok: py.taint.xss
    fixed = mark_safe("<b>Welcome</b>")
    # ok: py.taint.xss
    return JsonResponse({"msg": str(msg), "fixed": fixed})
