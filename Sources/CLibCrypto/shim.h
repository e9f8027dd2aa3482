// The system's libcrypto (OpenSSL 3): the SHA-256 digest the archive keys documents by.
// The library is on every machine that has libcurl (which `fetch` runs on), and its
// hand-tuned digests cost nothing to compile.
#ifndef FACTARCHIVE_CLIBCRYPTO_SHIM_H
#define FACTARCHIVE_CLIBCRYPTO_SHIM_H

#include <openssl/evp.h>

#endif
