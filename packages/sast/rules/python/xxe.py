import xml.sax
from xml.sax.handler import feature_external_ges

from lxml import etree


def parse_upload(data):
    # ruleid: py.xxe.lxml-resolve-entities
    parser = etree.XMLParser(resolve_entities=True)
    # ruleid: py.xxe.lxml-resolve-entities
    loose = etree.XMLParser(load_dtd=True, no_network=False)
    # ok: py.xxe.lxml-resolve-entities
    hardened = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: py.xxe.lxml-default-parser
    doc = etree.fromstring(data, parser=hardened)
    return parser, loose, doc


def parse_default(data, path):
    # ruleid: py.xxe.lxml-default-parser
    root = etree.fromstring(data)
    # ruleid: py.xxe.lxml-default-parser
    tree = etree.parse(path)
    # ok: py.xxe.lxml-default-parser
    safe = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
    # ok: py.xxe.lxml-default-parser
    fixed = etree.XML("<config/>")
    return root, tree, safe, fixed


def sax_parse(stream, handler):
    parser = xml.sax.make_parser()
    # ruleid: py.xxe.sax-external-entities
    parser.setFeature(feature_external_ges, True)
    # ruleid: py.xxe.sax-external-entities
    parser.setFeature(xml.sax.handler.feature_external_pes, 1)
    # ok: py.xxe.sax-external-entities
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    # ok: py.xxe.sax-external-entities
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setContentHandler(handler)
    parser.parse(stream)
