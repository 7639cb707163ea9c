import java.io.IOException;
import java.util.*;
import javax.servlet.http.*;
import org.springframework.web.bind.annotation.*;

public class CommandServlet extends HttpServlet {
    private static final boolean DEBUG = false;
    private static final Set<String> ALLOWED = Set.of("status", "uptime");

    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        // ruleid: java.taint.command-injection
        Runtime.getRuntime().exec("ping -c 1 " + host);
        Runtime rt = Runtime.getRuntime();
        String[] args = {"sh", "-c", "nslookup " + host.trim()};
        // ruleid: java.taint.command-injection
        rt.exec(args);
        List<String> cmd = new ArrayList<>();
        cmd.add("ls");
        cmd.add(request.getHeader("X-Dir"));
        // ruleid: java.taint.command-injection
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // ruleid: java.taint.command-injection
        pb.command("sh", "-c", "tar -xf " + decode(request.getQueryString()));
        // ok: java.taint.command-injection
        pb.command("/usr/bin/wc", "-l", "--", request.getParameter("file"));
        // ok: java.taint.command-injection
        Runtime.getRuntime().exec(new String[] {"ping", "-c", "1", "localhost"});
        // ok: java.taint.command-injection
        Runtime.getRuntime().exec("ping -c " + Integer.parseInt(request.getParameter("count")) + " localhost");
        String action = request.getParameter("action");
        if (!ALLOWED.contains(action)) {
            response.sendError(400);
            return;
        }
        // ok: java.taint.command-injection
        new ProcessBuilder("/usr/local/bin/" + action).start();
        String target = "localhost";
        if (DEBUG) {
            target = host;
        }
        // ok: java.taint.command-injection
        rt.exec("ping " + target);
        String mode = request.getParameter("mode");
        if ("fast".equals(mode)) {
            // ok: java.taint.command-injection
            rt.exec("run --mode " + mode);
        }
    }

    private String decode(String s) {
        return new String(Base64.getDecoder().decode(s.getBytes()));
    }
}

@RestController
class OpsController {
    @PostMapping("/run")
    public String run(@RequestBody String script, @RequestParam int times) throws IOException {
        // ruleid: java.taint.command-injection
        new ProcessBuilder("bash", "-c", script).start();
        // ok: java.taint.command-injection
        new ProcessBuilder("sleep", String.valueOf(times)).start();
        return "ok";
    }
}
