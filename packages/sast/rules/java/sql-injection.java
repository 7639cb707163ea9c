package com.example.rampart.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.persistence.EntityManager;
import javax.servlet.http.HttpServletRequest;
import org.hibernate.Session;
import org.springframework.jdbc.core.JdbcTemplate;

public class SqlInjectionCases {
    private static final String USERS_TABLE = "users";
    private Connection conn;
    private EntityManager em;
    private Session session;
    private JdbcTemplate jdbcTemplate;

    public ResultSet directConcat(HttpServletRequest request) throws Exception {
        Statement stmt = conn.createStatement();
        String name = request.getParameter("name");
        // ruleid: java.sql-injection.jdbc-concat
        return stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }

    public void viaVariable(HttpServletRequest request) throws Exception {
        String id = request.getParameter("id");
        String sql = "DELETE FROM orders WHERE id = '" + id + "'";
        Statement stmt = conn.createStatement();
        // ruleid: java.sql-injection.jdbc-concat
        stmt.executeUpdate(sql);
    }

    public void viaFormat(String user) throws Exception {
        Statement stmt = conn.createStatement();
        // ruleid: java.sql-injection.jdbc-concat
        stmt.execute(String.format("UPDATE accounts SET active = 0 WHERE owner = '%s'", user));
    }

    public void viaPrepareStatementConcat(String email) throws Exception {
        // ruleid: java.sql-injection.jdbc-concat
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE email = '" + email + "'");
        ps.executeQuery();
    }

    public void viaBuilder(String sort) throws Exception {
        StringBuilder sb = new StringBuilder("SELECT * FROM users ORDER BY ");
        sb.append(sort);
        Statement stmt = conn.createStatement();
        // ruleid: java.sql-injection.jdbc-concat
        stmt.executeQuery(sb.toString());
    }

    public void viaCompoundAssignment(String filter) throws Exception {
        String sql = "SELECT * FROM users WHERE 1=1";
        sql += " AND name LIKE '" + filter + "'";
        Statement stmt = conn.createStatement();
        // ruleid: java.sql-injection.jdbc-concat
        stmt.executeQuery(sql);
    }

    public ResultSet safePrepared(HttpServletRequest request) throws Exception {
        // ok: java.sql-injection.jdbc-concat
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        ps.setString(1, request.getParameter("name"));
        // ok: java.sql-injection.jdbc-concat
        return ps.executeQuery();
    }

    public void safeConstants() throws Exception {
        Statement stmt = conn.createStatement();
        // ok: java.sql-injection.jdbc-concat
        stmt.executeQuery("SELECT * FROM " + USERS_TABLE + " WHERE active = 1");
        String sql = "SELECT count(*) " + "FROM users";
        // ok: java.sql-injection.jdbc-concat
        stmt.executeQuery(sql);
    }

    public void safeNumeric(int limit, long accountId) throws Exception {
        Statement stmt = conn.createStatement();
        // ok: java.sql-injection.jdbc-concat
        stmt.executeQuery("SELECT * FROM users WHERE account = " + accountId + " LIMIT " + limit);
    }

    public void safeBuilder(String name) throws Exception {
        StringBuilder sb = new StringBuilder("SELECT * FROM users");
        sb.append(" WHERE name = ?");
        // ok: java.sql-injection.jdbc-concat
        PreparedStatement ps = conn.prepareStatement(sb.toString());
        ps.setString(1, name);
        ps.executeQuery();
    }

    public List<?> jpaConcat(String name) {
        // ruleid: java.sql-injection.jpa-query-concat
        return em.createQuery("SELECT u FROM User u WHERE u.name = '" + name + "'").getResultList();
    }

    public List<?> hibernateNative(String col) {
        String q = "SELECT * FROM users ORDER BY " + col;
        // ruleid: java.sql-injection.jpa-query-concat
        return session.createNativeQuery(q).getResultList();
    }

    public List<?> jpaSafe(String name) {
        // ok: java.sql-injection.jpa-query-concat
        return em.createQuery("SELECT u FROM User u WHERE u.name = :name").setParameter("name", name).getResultList();
    }

    public List<?> jpaSafeConstant() {
        // ok: java.sql-injection.jpa-query-concat
        return em.createQuery("SELECT u FROM " + "User u").getResultList();
    }

    public List<?> springConcat(String name) {
        // ruleid: java.sql-injection.spring-jdbc-concat
        return jdbcTemplate.queryForList("SELECT * FROM users WHERE name = '" + name + "'");
    }

    public int springUpdate(String status, String id) {
        // ruleid: java.sql-injection.spring-jdbc-concat
        return jdbcTemplate.update("UPDATE orders SET status = '" + status + "' WHERE id = " + id);
    }

    public List<?> springSafe(String name) {
        // ok: java.sql-injection.spring-jdbc-concat
        return jdbcTemplate.queryForList("SELECT * FROM users WHERE name = ?", name);
    }

    public int springSafeUpdate(String status, String id) {
        // ok: java.sql-injection.spring-jdbc-concat
        return jdbcTemplate.update("UPDATE orders SET status = ? WHERE id = ?", status, id);
    }
}
