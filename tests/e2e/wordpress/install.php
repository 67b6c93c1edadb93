<?php
// Installs the end-to-end test's throwaway WordPress (run with the PHP command line from the
// WordPress folder) and makes an Editor with an application password for the REST API. Prints
// what the test needs as JSON.

define( 'WP_INSTALLING', true );
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

wp_install( 'A foundation', 'admin', 'admin@example.org', false, '', wp_generate_password( 24 ) );
$editor = wp_insert_user(
	array(
		'user_login' => 'editor',
		'user_pass'  => wp_generate_password( 24 ),
		'user_email' => 'editor@example.org',
		'role'       => 'editor',
	)
);
if ( is_wp_error( $editor ) ) {
	fwrite( STDERR, $editor->get_error_message() . "\n" );
	exit( 1 );
}
list( $password ) = WP_Application_Passwords::create_new_application_password( $editor, array( 'name' => 'end-to-end test' ) );
echo wp_json_encode(
	array(
		'editor'          => 'editor',
		'password'        => $password,
		'unfiltered_html' => user_can( $editor, 'unfiltered_html' ),
		'version'         => get_bloginfo( 'version' ),
	)
);
