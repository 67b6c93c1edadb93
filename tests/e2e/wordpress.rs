//! A real WordPress for the end-to-end tests: Debian's `wordpress` package, served by PHP's
//! built-in server on 127.0.0.1 with a throwaway MariaDB, installed headlessly, with an Editor who
//! (as on a multisite) may not post unfiltered HTML. `scripts/setup` installs the packages.

use serde_json::Value;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Where Debian installs WordPress.
const PACKAGE: &str = "/usr/share/wordpress";

pub struct WordPress {
    /// `http://127.0.0.1:<port>`.
    pub origin: String,
    folder: PathBuf,
    database: Child,
    php: Child,
    /// The Editor's name and application password, for the REST API.
    editor: (String, String),
    /// Whether the Editor may post unfiltered HTML (`<iframe>`, `<script>`).
    pub editor_has_unfiltered_html: bool,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn run(command: &mut Command, what: &str) -> String {
    let output =
        command.output().unwrap_or_else(|e| panic!("{what}: {e} (scripts/setup installs WordPress, PHP and MariaDB)"));
    assert!(
        output.status.success(),
        "{what} failed (scripts/setup installs WordPress, PHP and MariaDB):\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !ready() {
        assert!(Instant::now() < deadline, "{what} did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
}

impl WordPress {
    /// Installs and starts a fresh WordPress that may fetch oEmbed data from the viewer on
    /// 127.0.0.1 at `viewer_port` (the test-only plugin in `tests/e2e/wordpress/`).
    pub fn start(viewer_port: u16) -> WordPress {
        let folder = std::env::temp_dir().join(format!("quarterly-wordpress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        let database = start_database(&folder);
        let site = folder.join("wordpress");
        // A copy, so that this test's configuration and plugin stay out of the system's WordPress.
        run(Command::new("cp").arg("-rL").arg(PACKAGE).arg(&site), "copying WordPress");
        let port = free_port();
        let origin = format!("http://127.0.0.1:{port}");
        std::fs::write(site.join("wp-config.php"), config(&folder, &origin, viewer_port)).unwrap();
        let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/wordpress");
        std::fs::create_dir_all(site.join("wp-content/mu-plugins")).unwrap();
        std::fs::copy(
            here.join("quarterly-local-oembed.php"),
            site.join("wp-content/mu-plugins/quarterly-local-oembed.php"),
        )
        .unwrap();
        std::fs::copy(here.join("install.php"), site.join("install.php")).unwrap();
        let installed = run(
            Command::new("php").args(["-d", "display_errors=stderr", "install.php"]).current_dir(&site),
            "installing WordPress",
        );
        let installed: Value = serde_json::from_str(installed.trim()).unwrap_or_else(|e| panic!("{e}: {installed}"));
        let log = std::fs::File::create(folder.join("php.log")).unwrap();
        let php = Command::new("php")
            .args(["-S", &format!("127.0.0.1:{port}"), "-t"])
            .arg(&site)
            // Several workers: the post, its scripts and WordPress's own requests at once.
            .env("PHP_CLI_SERVER_WORKERS", "4")
            // Its own process group, so that the workers it forks stop with it (see Drop).
            .process_group(0)
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("php is not installed: run scripts/setup");
        wait_for("WordPress", || ureq::get(&format!("{origin}/")).call().is_ok());
        WordPress {
            origin,
            folder,
            database,
            php,
            editor: (installed["editor"].as_str().unwrap().into(), installed["password"].as_str().unwrap().into()),
            editor_has_unfiltered_html: installed["unfiltered_html"].as_bool().unwrap(),
        }
    }

    /// Creates a post as the Editor through the REST API (what the block editor does), and
    /// returns WordPress's answer (`link`, `content.raw` as saved).
    pub fn post(&self, title: &str, content: &str, status: &str) -> Value {
        use base64::Engine;
        let credentials =
            base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", self.editor.0, self.editor.1));
        ureq::post(&format!("{}/?rest_route=/wp/v2/posts", self.origin))
            .set("Authorization", &format!("Basic {credentials}"))
            .send_json(serde_json::json!({ "title": title, "content": content, "status": status }))
            .unwrap_or_else(|e| panic!("creating the post failed: {e}"))
            .into_json()
            .unwrap()
    }
}

impl Drop for WordPress {
    fn drop(&mut self) {
        // The whole group: killing the server alone would leave its workers running.
        let _ = Command::new("kill").args(["-s", "KILL", "--"]).arg(format!("-{}", self.php.id())).status();
        let _ = self.php.kill();
        let _ = self.database.kill();
        let _ = self.php.wait();
        let _ = self.database.wait();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// A MariaDB of its own, on a socket only, with a `wordpress` database.
fn start_database(folder: &Path) -> Child {
    let data = folder.join("db");
    run(
        Command::new("mariadb-install-db")
            .args(["--no-defaults", "--auth-root-authentication-method=normal", "--skip-test-db", "--user=root"])
            .arg(format!("--datadir={}", data.display())),
        "mariadb-install-db",
    );
    let socket = folder.join("db.sock");
    let database = Command::new("mariadbd")
        .args(["--no-defaults", "--skip-networking", "--skip-grant-tables", "--user=root"])
        .arg(format!("--datadir={}", data.display()))
        .arg(format!("--socket={}", socket.display()))
        .arg(format!("--pid-file={}", folder.join("db.pid").display()))
        .arg(format!("--log-error={}", folder.join("db.log").display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("mariadbd is not installed: run scripts/setup");
    wait_for("MariaDB", || {
        Command::new("mariadb")
            .args(["--no-defaults", "-u", "root"])
            .arg(format!("--socket={}", socket.display()))
            .args(["-e", "CREATE DATABASE IF NOT EXISTS wordpress"])
            .output()
            .is_ok_and(|output| output.status.success())
    });
    database
}

/// The site's configuration: its database and address; no unfiltered HTML for anyone, as for
/// everyone but super admins on a multisite; no cron or updates.
fn config(folder: &Path, origin: &str, viewer_port: u16) -> String {
    let keys: String = [
        "AUTH_KEY",
        "SECURE_AUTH_KEY",
        "LOGGED_IN_KEY",
        "NONCE_KEY",
        "AUTH_SALT",
        "SECURE_AUTH_SALT",
        "LOGGED_IN_SALT",
        "NONCE_SALT",
    ]
    .iter()
    .map(|key| format!("define('{key}', 'quarterly-test-{key}');\n"))
    .collect();
    format!(
        "<?php\n\
         define('DB_NAME', 'wordpress');\n\
         define('DB_USER', 'root');\n\
         define('DB_PASSWORD', '');\n\
         define('DB_HOST', 'localhost:{socket}');\n\
         define('DB_CHARSET', 'utf8mb4');\n\
         define('DB_COLLATE', '');\n\
         $table_prefix = 'wp_';\n\
         {keys}\
         define('WP_HOME', '{origin}');\n\
         define('WP_SITEURL', '{origin}');\n\
         define('WP_CONTENT_DIR', __DIR__ . '/wp-content');\n\
         define('DISALLOW_UNFILTERED_HTML', true);\n\
         define('DISABLE_WP_CRON', true);\n\
         define('AUTOMATIC_UPDATER_DISABLED', true);\n\
         define('WP_ENVIRONMENT_TYPE', 'local');\n\
         define('QUARTERLY_VIEWER_PORT', {viewer_port});\n\
         if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');\n\
         require_once ABSPATH . 'wp-settings.php';\n",
        socket = folder.join("db.sock").display(),
    )
}
