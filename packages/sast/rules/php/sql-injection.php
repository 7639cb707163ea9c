<?php
function find_user($conn, $pdo, $id, $name) {
    // ruleid: php.sql-injection.concat-query
    $r = mysqli_query($conn, "SELECT * FROM users WHERE id = " . $_GET['id']);
    // ruleid: php.sql-injection.concat-query
    $r = $pdo->query("SELECT * FROM users WHERE name = '$name'");
    $sql = "DELETE FROM users WHERE id = " . $id;
    // ruleid: php.sql-injection.concat-query
    $conn->query($sql);
    // ruleid: php.sql-injection.concat-query
    $pdo->exec(sprintf("UPDATE t SET a = '%s'", $name));
    // ruleid: php.sql-injection.concat-query
    $stmt = $pdo->prepare("SELECT * FROM users WHERE name = '{$_POST['name']}'");
    // ruleid: php.sql-injection.concat-query
    $rows = DB::select("SELECT * FROM users WHERE email = '" . $name . "'");
    // ruleid: php.sql-injection.concat-query
    $q = $user->where('a', 1)->whereRaw("name = '$name'");
    // ok: php.sql-injection.concat-query
    $stmt = $pdo->prepare("SELECT * FROM users WHERE id = ?");
    // ok: php.sql-injection.concat-query
    $r = mysqli_query($conn, "SELECT * FROM users WHERE id = " . intval($id));
    // ok: php.sql-injection.concat-query
    $r = $pdo->query("SELECT * FROM users WHERE name = " . $pdo->quote($name));
    // ok: php.sql-injection.concat-query
    $r = mysqli_query($conn, "SELECT * FROM users LIMIT " . (int) $_GET['n']);
    // ok: php.sql-injection.concat-query
    $r = $this->db->query("SELECT * FROM {$this->table} WHERE active = 1");
    $safe = "SELECT COUNT(*) FROM users";
    // ok: php.sql-injection.concat-query
    $r = $conn->query($safe);
    // ok: php.sql-injection.concat-query
    $rows = DB::select('SELECT * FROM users WHERE email = ?', [$name]);
    // ok: php.sql-injection.concat-query
    $q = $user->whereRaw('name = ?', [$name]);
    // ok: php.sql-injection.concat-query
    $rows = $wpdb->get_results("SELECT * FROM {$wpdb->prefix}posts WHERE post_status = 'publish'");
    return $r;
}
