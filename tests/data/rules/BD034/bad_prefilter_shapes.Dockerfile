FROM alpine:3.19
#! BD034
RUN FOO=1 GIT_SSL_NO_VERIFY=true git clone https://x.example/a.git
#! BD034
RUN declare -x FOO=1 NPM_CONFIG_STRICT_SSL=false
#! BD034
RUN helm repo add x https://x.example --insecure-skip-tls-verify
#! BD034
RUN skopeo copy --tls-verify=false docker://a docker://b
#! BD034
RUN echo insecure | tee -a /root/.curlrc
RUN FOO=1 BAR=2 make && echo insecure > /dev/null && export PATH=/x:$PATH && cp --target-directory=/x a
RUN echo insecure && printf 'check_certificate = off\n' && cat /root/.wgetrc
