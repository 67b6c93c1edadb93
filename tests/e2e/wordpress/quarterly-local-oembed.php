<?php
/*
 * Plugin Name: quarterly end-to-end test: oEmbed from 127.0.0.1
 * Description: For the end-to-end tests only, never for a real site. WordPress fetches oEmbed
 *   data only from hosts it considers external, on ports 80, 443 and 8080; the test's viewer is on
 *   127.0.0.1 at another port. The test installs this as a must-use plugin.
 */

add_filter(
	'http_request_host_is_external',
	function ( $external, $host ) {
		return $external || '127.0.0.1' === $host;
	},
	10,
	2
);

add_filter(
	'http_allowed_safe_ports',
	function ( $ports, $host ) {
		if ( '127.0.0.1' === $host && defined( 'QUARTERLY_VIEWER_PORT' ) ) {
			$ports[] = QUARTERLY_VIEWER_PORT;
		}
		return $ports;
	},
	10,
	2
);
