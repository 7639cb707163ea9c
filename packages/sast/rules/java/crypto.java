package com.example.rampart.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.net.ssl.SSLContext;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.codec.digest.DigestUtils;

public class CryptoCases {

    public byte[] hashPassword(String password) throws Exception {
        // ruleid: java.weak-hash.md5-sha1
        MessageDigest md = MessageDigest.getInstance("MD5");
        return md.digest(password.getBytes("UTF-8"));
    }

    public byte[] fingerprint(byte[] data) throws Exception {
        // ruleid: java.weak-hash.md5-sha1
        return java.security.MessageDigest.getInstance("SHA-1").digest(data);
    }

    public String legacyToken(String user) {
        // ruleid: java.weak-hash.md5-sha1
        return DigestUtils.md5Hex(user);
    }

    public byte[] strongHash(byte[] data) throws Exception {
        // ok: java.weak-hash.md5-sha1
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return md.digest(data);
    }

    public String strongHex(String data) {
        // ok: java.weak-hash.md5-sha1
        return DigestUtils.sha256Hex(data);
    }

    public Cipher des() throws Exception {
        // ruleid: java.weak-cipher.broken-algorithm
        return Cipher.getInstance("DES/CBC/PKCS5Padding");
    }

    public Cipher rc4() throws Exception {
        // ruleid: java.weak-cipher.broken-algorithm
        return Cipher.getInstance("RC4");
    }

    public KeyGenerator tripleDes() throws Exception {
        // ruleid: java.weak-cipher.broken-algorithm
        return KeyGenerator.getInstance("DESede");
    }

    public Cipher gcm() throws Exception {
        // ok: java.weak-cipher.broken-algorithm
        return Cipher.getInstance("AES/GCM/NoPadding");
    }

    public Cipher aesEcb() throws Exception {
        // ruleid: java.weak-cipher.ecb-mode
        return Cipher.getInstance("AES/ECB/PKCS5Padding");
    }

    public Cipher aesDefault() throws Exception {
        // ruleid: java.weak-cipher.ecb-mode
        return javax.crypto.Cipher.getInstance("AES");
    }

    public Cipher aesGcm() throws Exception {
        // ok: java.weak-cipher.ecb-mode
        return Cipher.getInstance("AES/GCM/NoPadding");
    }

    public Cipher rsaOaep() throws Exception {
        // ok: java.weak-cipher.ecb-mode
        return Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    }

    public SSLContext oldTls() throws Exception {
        // ruleid: java.weak-tls.legacy-protocol
        return SSLContext.getInstance("TLSv1");
    }

    public SSLContext oldSsl() throws Exception {
        // ruleid: java.weak-tls.legacy-protocol
        return SSLContext.getInstance("SSL");
    }

    public SSLContext modernTls() throws Exception {
        // ok: java.weak-tls.legacy-protocol
        return SSLContext.getInstance("TLSv1.3");
    }

    public String newSessionToken() {
        // ruleid: java.insecure-random.security-value
        Random random = new Random();
        return Long.toHexString(random.nextLong());
    }

    public void rememberMe(HttpServletResponse response) {
        // ruleid: java.insecure-random.security-value
        double value = Math.random();
        String rememberMeKey = Double.toString(value).substring(2);
        Cookie cookie = new Cookie("rememberMe", rememberMeKey);
        response.addCookie(cookie);
    }

    public String newResetToken() {
        SecureRandom rng = new SecureRandom();
        byte[] bytes = new byte[32];
        // ok: java.insecure-random.security-value
        rng.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().encodeToString(bytes);
    }

    public int pickBackoffJitter() {
        // ok: java.insecure-random.security-value
        return new Random().nextInt(250);
    }
}
