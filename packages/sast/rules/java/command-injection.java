package com.example.rampart.cmd;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class CommandInjectionCases {
    private static final String TOOL = "/usr/bin/convert";

    public void pingHost(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        // ruleid: java.command-injection.runtime-exec-concat
        Runtime.getRuntime().exec("ping -c 1 " + host);
    }

    public void viaVariable(String dir) throws IOException {
        String cmd = "ls -la " + dir;
        Runtime rt = Runtime.getRuntime();
        // ruleid: java.command-injection.runtime-exec-concat
        rt.exec(cmd);
    }

    public void viaFormat(String file) throws IOException {
        // ruleid: java.command-injection.runtime-exec-concat
        Runtime.getRuntime().exec(String.format("gzip %s", file));
    }

    public void safeArgumentArray(String host) throws IOException {
        // ok: java.command-injection.runtime-exec-concat
        Runtime.getRuntime().exec(new String[] {"ping", "-c", "1", host});
    }

    public void safeConstant() throws IOException {
        // ok: java.command-injection.runtime-exec-concat
        Runtime.getRuntime().exec(TOOL + " -version");
    }

    public void shellArray(String name) throws IOException {
        // ruleid: java.command-injection.shell-with-dynamic-command
        String[] cmd = new String[] {"/bin/sh", "-c", "grep " + name + " /var/log/app.log"};
        Runtime.getRuntime().exec(cmd);
    }

    public void shellProcessBuilder(String script) throws IOException {
        // ruleid: java.command-injection.shell-with-dynamic-command
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script);
        pb.start();
    }

    public void shellWindows(String target) throws IOException {
        // ruleid: java.command-injection.shell-with-dynamic-command
        List<String> args = Arrays.asList("cmd.exe", "/c", "dir " + target);
        new ProcessBuilder(args).start();
    }

    public void shellLiteral() throws IOException {
        // ok: java.command-injection.shell-with-dynamic-command
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "ls -l /tmp | wc -l");
        pb.start();
    }

    public void shellLiteralVariable() throws IOException {
        String pipeline = "df -h | tail -n 1";
        // ok: java.command-injection.shell-with-dynamic-command
        new ProcessBuilder("sh", "-c", pipeline).start();
    }

    public void noShellArgumentList(String file) throws IOException {
        // ok: java.command-injection.shell-with-dynamic-command
        new ProcessBuilder("gzip", "-k", file).start();
    }

    public void programFromRequest(HttpServletRequest request) throws IOException {
        String program = request.getParameter("program");
        // ruleid: java.command-injection.exec-user-input
        Runtime.getRuntime().exec(program);
    }

    @GetMapping("/run")
    public void programFromSpring(@RequestParam("tool") String tool) throws IOException {
        // ruleid: java.command-injection.exec-user-input
        new ProcessBuilder(tool).start();
    }

    public void programDirect(HttpServletRequest request) throws IOException {
        ProcessBuilder pb = new ProcessBuilder();
        // ruleid: java.command-injection.exec-user-input
        pb.command(request.getHeader("X-Tool"));
        pb.start();
    }

    public void allowListed(HttpServletRequest request) throws IOException {
        String choice = request.getParameter("report");
        String program = "daily".equals(choice) ? "/opt/reports/daily" : "/opt/reports/weekly";
        // ok: java.command-injection.exec-user-input
        new ProcessBuilder(program).start();
    }

    public void fixedProgram(HttpServletRequest request) throws IOException {
        String file = request.getParameter("file");
        // ok: java.command-injection.exec-user-input
        new ProcessBuilder("/usr/bin/wc", "-l", "--", file).start();
    }
}
