<?php
function register($db, $user, $password) {
    // ruleid: php.crypto.weak-password-hash
    $hash = md5($password);
    // ruleid: php.crypto.weak-password-hash
    $h = sha1($salt . $_POST['password']);
    // ruleid: php.crypto.weak-password-hash
    $h = hash('sha256', $user->password);
    // ok: php.crypto.weak-password-hash
    $hash = password_hash($password, PASSWORD_DEFAULT);
    // ok: php.crypto.weak-password-hash
    $etag = md5($content);
    // ok: php.crypto.weak-password-hash
    $key = hash('sha256', $file);
}

function tokens($user) {
    // ruleid: php.random.insecure-token
    $token = md5(uniqid(mt_rand(), true));
    // ruleid: php.random.insecure-token
    $user->reset_code = rand(100000, 999999);
    // ruleid: php.random.insecure-token
    $_SESSION['csrf_token'] = substr(str_shuffle('abcdefghijklmnopqrstuvwxyz0123456789'), 0, 32);
    // ok: php.random.insecure-token
    $token = bin2hex(random_bytes(32));
    // ok: php.random.insecure-token
    $user->reset_code = random_int(100000, 999999);
    // ok: php.random.insecure-token
    $index = mt_rand(0, count($items) - 1);
}

function generateApiToken() {
    // ruleid: php.random.insecure-token
    return sha1(mt_rand());
}

function fetch($url) {
    $ch = curl_init($url);
    // ruleid: php.tls.curl-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
    // ruleid: php.tls.curl-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);
    // ok: php.tls.curl-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
    // ok: php.tls.curl-verify-disabled
    curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);
    curl_setopt_array($ch, [
        // ruleid: php.tls.curl-verify-disabled
        CURLOPT_SSL_VERIFYPEER => false,
        // ok: php.tls.curl-verify-disabled
        CURLOPT_RETURNTRANSFER => true,
    ]);
    $ctx = stream_context_create(['ssl' => [
        // ruleid: php.tls.curl-verify-disabled
        'verify_peer' => false,
        // ok: php.tls.curl-verify-disabled
        'verify_peer_name' => true,
    ]]);
}

function parse($xml) {
    // ruleid: php.xxe.libxml-noent
    $doc = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NOENT);
    $dom = new DOMDocument();
    // ruleid: php.xxe.libxml-noent
    $dom->loadXML($xml, LIBXML_NOENT | LIBXML_DTDLOAD);
    // ruleid: php.xxe.libxml-noent
    libxml_disable_entity_loader(false);
    // ok: php.xxe.libxml-noent
    $doc = simplexml_load_string($xml);
    // ok: php.xxe.libxml-noent
    $dom->loadXML($xml, LIBXML_NONET);
    // ok: php.xxe.libxml-noent
    libxml_disable_entity_loader(true);
}
