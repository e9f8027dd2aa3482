// The system's libcurl (Debian's libcurl4-openssl-dev), which `fetch` and the desk's Add page
// download through. `curl_easy_setopt` and `curl_easy_getinfo` are variadic, which Swift
// cannot call, so each kind of value they take has a typed wrapper here.
#ifndef FACTARCHIVE_CCURL_SHIM_H
#define FACTARCHIVE_CCURL_SHIM_H

#include <curl/curl.h>
#include <sys/socket.h>

static inline CURLcode factarchive_curl_set_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode factarchive_curl_set_string(
    CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode factarchive_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode factarchive_curl_set_list(
    CURL *handle, CURLoption option, struct curl_slist *value) {
  return curl_easy_setopt(handle, option, value);
}

/// The body's and the headers' callbacks (`CURLOPT_WRITEFUNCTION`, `CURLOPT_HEADERFUNCTION`).
static inline CURLcode factarchive_curl_set_receiver(
    CURL *handle, CURLoption option, curl_write_callback callback) {
  return curl_easy_setopt(handle, option, callback);
}

/// `CURLOPT_OPENSOCKETFUNCTION`: called with the address before every connection is made.
static inline CURLcode factarchive_curl_set_open_socket(
    CURL *handle, curl_opensocket_callback callback) {
  return curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, callback);
}

static inline CURLcode factarchive_curl_get_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode factarchive_curl_get_string(CURL *handle, CURLINFO info, char **value) {
  return curl_easy_getinfo(handle, info, value);
}

#endif
