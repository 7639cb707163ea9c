import java.io.*;
import java.nio.file.*;
import javax.servlet.http.*;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.*;

public class FileServlet extends HttpServlet {
    private static final String BASE = "/var/app/files/";

    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("file");
        // ruleid: java.taint.path-traversal
        File f = new File(BASE + name);
        // ruleid: java.taint.path-traversal
        FileInputStream in = new FileInputStream(new File(BASE, name).getPath());
        // ruleid: java.taint.path-traversal
        byte[] data = Files.readAllBytes(Paths.get(BASE, request.getPathInfo()));
        // ruleid: java.taint.path-traversal
        Path p = Paths.get(request.getParameter("dir"));
        // ok: java.taint.path-traversal
        File safe = new File(BASE + FilenameUtils.getName(name));
        // ok: java.taint.path-traversal
        File safe2 = new File(BASE, Paths.get(name).getFileName().toString());
        // ok: java.taint.path-traversal
        File safe3 = new File(BASE, new File(name).getName());
        // ok: java.taint.path-traversal
        File fixed = new File(BASE + "index.html");
        // ok: java.taint.path-traversal
        FileOutputStream log = new FileOutputStream(BASE + Integer.parseInt(request.getParameter("n")) + ".log");
    }
}

@RestController
class DownloadController {
    @GetMapping("/download/{name}")
    public byte[] download(@PathVariable String name) throws IOException {
        String[] parts = name.split("/");
        // ruleid: java.taint.path-traversal
        return Files.readAllBytes(Path.of("/srv/data", parts[0]));
    }

    public byte[] internal(String name) throws IOException {
        // ok: java.taint.path-traversal
        return Files.readAllBytes(Path.of("/srv/data", name));
    }
}
