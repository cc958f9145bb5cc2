FROM debian:12-slim
# The download can fail while sha256sum of what arrived exits 0.
#! BD077
RUN curl -fsSL https://example.com/tool.tar.gz | sha256sum -c tool.sha256
# After a producer that only prints, the next element can fail: it is the one named.
#! BD077
RUN echo "$KEY" | base64 -d | gpg --dearmor -o /usr/share/keyrings/example.gpg
# echo exits 0 whatever its command substitution did: reported, with the fix that works.
#! BD077
RUN echo "$(curl -fsSL https://example.com/tool.sha256)  tool.tar.gz" | sha256sum -c -
# printf fails on a number it cannot read; a format from a variable is not known.
#! BD077
RUN printf '%d\n' "$PORT" | tee /etc/port
#! BD077
RUN printf "$FORMAT" "$VALUE" | tee /etc/value
# A redirection of the printing command can fail on its own.
#! BD077
RUN echo "$CONF" 2>/var/log/missing/dir/err | tee /etc/app.conf
