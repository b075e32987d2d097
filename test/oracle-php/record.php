<?php
// Request-equivalence oracle (auto_prepend_file): records every HTTP request a fixture makes,
// through file_get_contents/fopen (a stream wrapper for http and https) and curl_* (userland
// recorders when the curl extension is absent), and writes them as JSON to $ORACLE_OUT at exit.
// Nothing leaves the machine.

$GLOBALS['__oracle_requests'] = array();

function __oracle_record($method, $url, $body)
{
    if (is_array($body)) {
        $body = http_build_query($body);
    }
    $GLOBALS['__oracle_requests'][] = array('method' => $method, 'url' => $url, 'body' => $body === null ? null : (string) $body);
}

class OracleHttpStream
{
    public $context;
    private $done = false;

    public function stream_open($path, $mode, $options, &$opened_path)
    {
        $options = $this->context ? stream_context_get_options($this->context) : array();
        $http = isset($options['http']) ? $options['http'] : array();
        __oracle_record(isset($http['method']) ? strtoupper($http['method']) : 'GET', $path, isset($http['content']) ? $http['content'] : null);
        return true;
    }

    public function stream_read($count)
    {
        if ($this->done) {
            return '';
        }
        $this->done = true;
        return "RESULT=TRUE\n";
    }

    public function stream_eof()
    {
        return $this->done;
    }

    public function stream_stat()
    {
        return array();
    }

    public function stream_close()
    {
    }

    public function stream_set_option($option, $arg1, $arg2)
    {
        return false;
    }

    public function url_stat($path, $flags)
    {
        return array();
    }
}

foreach (array('http', 'https') as $scheme) {
    if (in_array($scheme, stream_get_wrappers(), true)) {
        stream_wrapper_unregister($scheme);
    }
    stream_wrapper_register($scheme, 'OracleHttpStream');
}

if (!function_exists('curl_init')) {
    define('CURLOPT_URL', 10002);
    define('CURLOPT_POST', 47);
    define('CURLOPT_POSTFIELDS', 10015);
    define('CURLOPT_RETURNTRANSFER', 19913);
    define('CURLOPT_HTTPGET', 80);
    define('CURLOPT_CUSTOMREQUEST', 10036);
    define('CURLOPT_HEADER', 42);
    define('CURLOPT_SSL_VERIFYPEER', 64);
    define('CURLOPT_TIMEOUT', 13);

    class OracleCurlHandle
    {
        public $options = array();
    }

    function curl_init($url = null)
    {
        $handle = new OracleCurlHandle();
        if ($url !== null) {
            $handle->options[CURLOPT_URL] = $url;
        }
        return $handle;
    }

    function curl_setopt($handle, $option, $value)
    {
        $handle->options[$option] = $value;
        return true;
    }

    function curl_setopt_array($handle, $options)
    {
        foreach ($options as $option => $value) {
            $handle->options[$option] = $value;
        }
        return true;
    }

    function curl_exec($handle)
    {
        $options = $handle->options;
        $body = isset($options[CURLOPT_POSTFIELDS]) ? $options[CURLOPT_POSTFIELDS] : null;
        $method = isset($options[CURLOPT_CUSTOMREQUEST]) ? $options[CURLOPT_CUSTOMREQUEST] : ($body !== null || !empty($options[CURLOPT_POST]) ? 'POST' : 'GET');
        __oracle_record($method, isset($options[CURLOPT_URL]) ? $options[CURLOPT_URL] : '', $body);
        return "RESULT=TRUE\n";
    }

    function curl_close($handle)
    {
    }

    function curl_error($handle)
    {
        return '';
    }

    function curl_errno($handle)
    {
        return 0;
    }

    function curl_getinfo($handle, $option = null)
    {
        return 200;
    }
}

register_shutdown_function(function () {
    file_put_contents(getenv('ORACLE_OUT'), json_encode($GLOBALS['__oracle_requests']));
});
