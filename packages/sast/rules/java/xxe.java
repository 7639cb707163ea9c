package com.example.rampart.xxe;

import java.io.InputStream;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamSource;
import org.dom4j.io.SAXReader;
import org.w3c.dom.Document;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.XMLReaderFactory;

public class XxeCases {

    public Document parseUnsafe(InputStream in) throws Exception {
        // ruleid: java.xxe.document-builder-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        DocumentBuilder db = dbf.newDocumentBuilder();
        return db.parse(in);
    }

    public Document parseExpandOnly(InputStream in) throws Exception {
        // ruleid: java.xxe.document-builder-factory
        DocumentBuilderFactory dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        dbf.setExpandEntityReferences(false);
        return dbf.newDocumentBuilder().parse(in);
    }

    public Document parseSafe(InputStream in) throws Exception {
        // ok: java.xxe.document-builder-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setXIncludeAware(false);
        return dbf.newDocumentBuilder().parse(in);
    }

    public Document parseSafeEntities(InputStream in) throws Exception {
        // ok: java.xxe.document-builder-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        dbf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return dbf.newDocumentBuilder().parse(in);
    }

    public void saxUnsafe(InputStream in) throws Exception {
        // ruleid: java.xxe.sax-parser-factory
        SAXParserFactory spf = SAXParserFactory.newInstance();
        SAXParser parser = spf.newSAXParser();
        parser.parse(in, new DefaultHandler());
    }

    public void saxSafe(InputStream in) throws Exception {
        // ok: java.xxe.sax-parser-factory
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        spf.newSAXParser().parse(in, new DefaultHandler());
    }

    public void readerUnsafe(String xml) throws Exception {
        // ruleid: java.xxe.xml-reader
        XMLReader reader = XMLReaderFactory.createXMLReader();
        reader.parse(new org.xml.sax.InputSource(new StringReader(xml)));
    }

    public void dom4jUnsafe(InputStream in) throws Exception {
        // ruleid: java.xxe.xml-reader
        SAXReader reader = new SAXReader();
        reader.read(in);
    }

    public void dom4jSafe(InputStream in) throws Exception {
        // ok: java.xxe.xml-reader
        SAXReader reader = new SAXReader();
        reader.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        reader.read(in);
    }

    public XMLStreamReader staxUnsafe(InputStream in) throws Exception {
        // ruleid: java.xxe.xml-input-factory
        XMLInputFactory xif = XMLInputFactory.newInstance();
        return xif.createXMLStreamReader(in);
    }

    public XMLStreamReader staxSafe(InputStream in) throws Exception {
        // ok: java.xxe.xml-input-factory
        XMLInputFactory xif = XMLInputFactory.newFactory();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xif.setProperty("javax.xml.stream.isSupportingExternalEntities", false);
        return xif.createXMLStreamReader(in);
    }

    public Transformer transformUnsafe(InputStream xslt) throws Exception {
        // ruleid: java.xxe.transformer-factory
        TransformerFactory tf = TransformerFactory.newInstance();
        return tf.newTransformer(new StreamSource(xslt));
    }

    public Transformer transformSafe(InputStream xslt) throws Exception {
        // ok: java.xxe.transformer-factory
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return tf.newTransformer(new StreamSource(xslt));
    }
}

class ConfiguredInConstructor {
    // ok: java.xxe.document-builder-factory
    private final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();

    ConfiguredInConstructor() throws Exception {
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    }

    Document parse(InputStream in) throws Exception {
        return factory.newDocumentBuilder().parse(in);
    }
}
