<?php
function tools($host) {
    $file = $_POST['file'];
    // ruleid: php.command-injection.exec-request
    system("ping -c 1 " . $_GET['host']);
    // ruleid: php.command-injection.exec-request
    $out = shell_exec("cat /var/log/" . $file);
    // ruleid: php.command-injection.exec-request
    exec("nslookup {$_REQUEST['domain']}", $lines);
    // ruleid: php.command-injection.exec-request
    passthru($_GET['cmd']);
    // ok: php.command-injection.exec-request
    system("ping -c 1 " . escapeshellarg($_GET['host']));
    // ok: php.command-injection.exec-request
    exec("uptime", $lines);
    // ok: php.command-injection.exec-request
    system("ls -l " . escapeshellarg($file));
    // ruleid: php.command-injection.backtick-request
    $o = `whois {$_GET['d']}`;
    // ruleid: php.command-injection.backtick-request
    $o = `cat $file`;
    // ok: php.command-injection.backtick-request
    $o = `uptime`;
    return $out;
}

function calc($expr) {
    // ruleid: php.code-injection.eval
    eval('$result = ' . $_GET['expr'] . ';');
    // ruleid: php.code-injection.eval
    eval($expr);
    // ruleid: php.code-injection.eval
    $f = create_function('$a', $code);
    // ruleid: php.code-injection.eval
    assert($_POST['check']);
    // ruleid: php.code-injection.eval
    $s = preg_replace('/(.*)/e', $_GET['r'], $text);
    // ok: php.code-injection.eval
    eval('return 1 + 2;');
    // ok: php.code-injection.eval
    assert($count > 0);
    // ok: php.code-injection.eval
    $s = preg_replace('/\s+/', ' ', $_GET['r']);
}

function page() {
    $lang = $_COOKIE['lang'];
    // ruleid: php.file-inclusion.request-include
    include $_GET['page'] . '.php';
    // ruleid: php.file-inclusion.request-include
    require_once "lang/$lang.php";
    // ruleid: php.file-inclusion.request-include
    include($_REQUEST['tpl']);
    // ok: php.file-inclusion.request-include
    require_once __DIR__ . '/config.php';
    // ok: php.file-inclusion.request-include
    include 'pages/' . basename($_GET['page']) . '.php';
    $pages = ['home' => 'home.php', 'about' => 'about.php'];
    // ok: php.file-inclusion.request-include
    include $pages[$safe] ?? 'home.php';
}

function prefs() {
    // ruleid: php.deserialization.unserialize-request
    $p = unserialize($_COOKIE['prefs']);
    $raw = base64_decode($_POST['state']);
    // ruleid: php.deserialization.unserialize-request
    $s = unserialize($raw);
    // ok: php.deserialization.unserialize-request
    $p = json_decode($_COOKIE['prefs'], true);
    // ok: php.deserialization.unserialize-request
    $s = unserialize($raw, ['allowed_classes' => false]);
    // ok: php.deserialization.unserialize-request
    $c = unserialize(file_get_contents('/var/cache/app.ser'));
}

function show() {
    $q = $_GET['q'];
    // ruleid: php.xss.echo-request
    echo "You searched for: " . $_GET['q'];
    // ruleid: php.xss.echo-request
    echo "<p>$q</p>";
    // ruleid: php.xss.echo-request
    print $_POST['name'];
    // ruleid: php.xss.echo-request
    echo '<a href="', $_SERVER['PHP_SELF'], '">self</a>';
    // ok: php.xss.echo-request
    echo "You searched for: " . htmlspecialchars($_GET['q'], ENT_QUOTES, 'UTF-8');
    // ok: php.xss.echo-request
    echo htmlspecialchars($q);
    // ok: php.xss.echo-request
    echo "Page " . (int) $_GET['p'];
    // ok: php.xss.echo-request
    echo json_encode(['q' => $_GET['q']]);
}

function go() {
    $next = $_GET['next'];
    // ruleid: php.open-redirect.header-location
    header("Location: " . $_GET['url']);
    // ruleid: php.open-redirect.header-location
    header("location: $next");
    // ok: php.open-redirect.header-location
    header("Location: /dashboard");
    // ok: php.open-redirect.header-location
    header("Location: /search?q=" . urlencode($_GET['q']));
    // ok: php.open-redirect.header-location
    header("Content-Type: " . $_GET['type']);
}

function vars() {
    // ruleid: php.mass-assignment.extract-request
    extract($_GET);
    // ruleid: php.mass-assignment.extract-request
    extract($_POST, EXTR_OVERWRITE);
    // ruleid: php.mass-assignment.extract-request
    parse_str($_SERVER['QUERY_STRING']);
    // ok: php.mass-assignment.extract-request
    parse_str($_SERVER['QUERY_STRING'], $params);
    // ok: php.mass-assignment.extract-request
    extract($row);
    // ok: php.mass-assignment.extract-request
    extract($_POST, EXTR_PREFIX_ALL, 'post');
}
