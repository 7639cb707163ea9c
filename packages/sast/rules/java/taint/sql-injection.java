import java.sql.*;
import java.util.*;
import javax.persistence.EntityManager;
import javax.servlet.http.*;
import org.owasp.esapi.ESAPI;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

public class SqlServlet extends HttpServlet {
    private static final boolean LEGACY = false;
    private JdbcTemplate jdbcTemplate;
    private EntityManager em;

    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String name = request.getParameter("name");
        Connection conn = DriverManager.getConnection("jdbc:h2:mem:");
        Statement stmt = conn.createStatement();
        // ruleid: java.taint.sql-injection
        stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
        String sql = String.format("DELETE FROM users WHERE name = '%s'", name);
        // ruleid: java.taint.sql-injection
        stmt.executeUpdate(sql);
        StringBuilder sb = new StringBuilder("SELECT * FROM t WHERE a = '");
        sb.append(name).append("'");
        // ruleid: java.taint.sql-injection
        PreparedStatement bad = conn.prepareStatement(sb.toString());
        // ok: java.taint.sql-injection
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        ps.setString(1, name);
        int id = Integer.parseInt(request.getParameter("id"));
        // ok: java.taint.sql-injection
        stmt.execute("SELECT * FROM users WHERE id = " + id);
        // ok: java.taint.sql-injection
        stmt.execute("SELECT * FROM users WHERE name = '" + ESAPI.encoder().encodeForSQL(new OracleCodec(), name) + "'");
        String query = "SELECT * FROM users";
        if (LEGACY) {
            query = query + " WHERE name = '" + name + "'";
        }
        // ok: java.taint.sql-injection
        stmt.executeQuery(query);
        String chosen = (7 * 42) - 106 > 200 ? name : "guest";
        // ok: java.taint.sql-injection
        stmt.executeQuery("SELECT * FROM users WHERE name = '" + chosen + "'");
        String other = (7 * 42) - 86 > 200 ? name : "guest";
        // ruleid: java.taint.sql-injection
        stmt.executeQuery("SELECT * FROM users WHERE name = '" + other + "'");
        Map<String, String> m = new HashMap<>();
        m.put("safe", "guest");
        m.put("user", name);
        // ok: java.taint.sql-injection
        stmt.executeQuery("SELECT * FROM users WHERE name = '" + m.get("safe") + "'");
        // ruleid: java.taint.sql-injection
        stmt.executeQuery("SELECT * FROM users WHERE name = '" + m.get("user") + "'");
        // ruleid: java.taint.sql-injection
        stmt.executeQuery(buildQuery(request.getHeader("X-User")));
        // ok: java.taint.sql-injection
        stmt.executeQuery(fixedQuery(name));
        // ruleid: java.taint.sql-injection
        jdbcTemplate.queryForList("SELECT * FROM users WHERE name = '" + name + "'");
        // ok: java.taint.sql-injection
        jdbcTemplate.queryForList("SELECT * FROM users WHERE name = ?", name);
        for (Cookie c : request.getCookies()) {
            // ruleid: java.taint.sql-injection
            em.createNativeQuery("SELECT * FROM s WHERE token = '" + c.getValue() + "'");
        }
    }

    private String buildQuery(String user) {
        return "SELECT * FROM users WHERE name = '" + user.trim() + "'";
    }

    private String fixedQuery(String user) {
        return "SELECT * FROM users";
    }
}

@RestController
class UserController {
    private JdbcTemplate jdbc;
    private EntityManager entityManager;

    @GetMapping("/users/{id}")
    public Object find(@PathVariable String id, @RequestParam("sort") String sort, @PathVariable long num) {
        // ruleid: java.taint.sql-injection
        jdbc.update("UPDATE users SET seen = 1 WHERE id = '" + id + "'");
        // ok: java.taint.sql-injection
        jdbc.update("UPDATE users SET seen = 1 WHERE id = " + num);
        // ruleid: java.taint.sql-injection
        entityManager.createQuery("SELECT u FROM User u ORDER BY " + sort);
        // ok: java.taint.sql-injection
        return entityManager.createQuery("SELECT u FROM User u WHERE u.id = :id").setParameter("id", id).getResultList();
    }

    public void internal(String name, Statement stmt) throws SQLException {
        // ok: java.taint.sql-injection
        stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }
}
