package com.example.rampart.path;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServletRequest;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class PathTraversalCases {
    private static final String UPLOADS = "/var/app/uploads";
    private final Path base = Paths.get(UPLOADS);

    public InputStream download(HttpServletRequest request) throws IOException {
        // ruleid: java.path-traversal.file-from-request
        File f = new File(UPLOADS, request.getParameter("file"));
        return new java.io.FileInputStream(f);
    }

    public InputStream downloadViaVariable(HttpServletRequest request) throws IOException {
        String name = request.getParameter("name");
        String path = UPLOADS + "/" + name;
        // ruleid: java.path-traversal.file-from-request
        return new FileInputStream(path);
    }

    @GetMapping("/report")
    public byte[] report(@RequestParam String report) throws IOException {
        // ruleid: java.path-traversal.file-from-request
        return Files.readAllBytes(Paths.get("/srv/reports", report));
    }

    public InputStream downloadBaseName(HttpServletRequest request) throws IOException {
        String name = FilenameUtils.getName(request.getParameter("file"));
        // ok: java.path-traversal.file-from-request
        return new FileInputStream(new File(UPLOADS, name));
    }

    public InputStream downloadChecked(HttpServletRequest request) throws IOException {
        String name = request.getParameter("file");
        // ok: java.path-traversal.file-from-request
        Path p = base.resolve(name).normalize();
        if (!p.startsWith(base)) {
            throw new SecurityException("outside uploads");
        }
        return Files.newInputStream(p);
    }

    public InputStream fixedFile() throws IOException {
        String name = "index.html";
        // ok: java.path-traversal.file-from-request
        return new FileInputStream(new File(UPLOADS, name));
    }
}
