#!/bin/sh
# Regenerates the reference tables the decoding tests compare against, from
# glibc's iconv (TCVN5712-1 and CP1258 converters):
#   letters.tsv: every precomposed Vietnamese letter, then its bytes in
#                TCVN5712-1 and in CP1258 as iconv encodes it (hex)
#   bytes.tsv:   every byte 0x01-0xFF, then its decoding by iconv from
#                TCVN5712-1 and from CP1258 (Unicode code points, hex;
#                "-" where iconv refuses the byte)
set -e
cd "$(dirname "$0")"
hex() { od -An -tx1 | tr -d ' \n'; }
cps() { python3 -c 'import sys; s=sys.stdin.buffer.read().decode(); print(" ".join("%04X"%ord(c) for c in s))'; }
: > letters.tsv
for l in a à ả ã á ạ ă ằ ẳ ẵ ắ ặ â ầ ẩ ẫ ấ ậ e è ẻ ẽ é ẹ ê ề ể ễ ế ệ i ì ỉ ĩ í ị o ò ỏ õ ó ọ ô ồ ổ ỗ ố ộ ơ ờ ở ỡ ớ ợ u ù ủ ũ ú ụ ư ừ ử ữ ứ ự y ỳ ỷ ỹ ý ỵ đ \
	 A À Ả Ã Á Ạ Ă Ằ Ẳ Ẵ Ắ Ặ Â Ầ Ẩ Ẫ Ấ Ậ E È Ẻ Ẽ É Ẹ Ê Ề Ể Ễ Ế Ệ I Ì Ỉ Ĩ Í Ị O Ò Ỏ Õ Ó Ọ Ô Ồ Ổ Ỗ Ố Ộ Ơ Ờ Ở Ỡ Ớ Ợ U Ù Ủ Ũ Ú Ụ Ư Ừ Ử Ữ Ứ Ự Y Ỳ Ỷ Ỹ Ý Ỵ Đ; do
	case $l in [aeiouyAEIOUY]) continue;; esac
	t=$(printf %s "$l" | iconv -f UTF-8 -t TCVN5712-1 | hex)
	c=$(printf %s "$l" | iconv -f UTF-8 -t CP1258 | hex)
	printf '%s\t%s\t%s\n' "$l" "$t" "$c" >> letters.tsv
done
: > bytes.tsv
for i in $(seq 1 255); do
	b=$(printf '%02x' "$i")
	t=$(printf "\\$(printf %o "$i")" | iconv -f TCVN5712-1 -t UTF-8 2>/dev/null | cps) || t=-
	c=$(printf "\\$(printf %o "$i")" | iconv -f CP1258 -t UTF-8 2>/dev/null | cps) || c=-
	[ -n "$t" ] || t=-
	[ -n "$c" ] || c=-
	printf '%s\t%s\t%s\n' "$b" "$t" "$c" >> bytes.tsv
done
